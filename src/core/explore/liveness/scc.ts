/** A directed graph in compressed form: the edges of node v are [edgeStart[v], edgeStart[v + 1]) of edgeTo. */
export interface EdgeList {
  /** Nodes [0, nodes) are visited; edges to nodes at or past it are ignored. */
  nodes: number;
  edgeStart: Int32Array;
  edgeTo: Int32Array;
}

/**
 * Tarjan's strongly connected components without recursion (an explicit call stack of node + edge cursor), so
 * graphs of millions of states need no stack depth. `follow(e)` says whether edge e belongs to the subgraph.
 * `onComponent` gets each component's members (a view valid only during the call) in reverse topological order,
 * after `component` has been filled for them; the returned array maps every node to its component id.
 */
export function stronglyConnected(
  g: EdgeList,
  follow: (edge: number) => boolean,
  onComponent: (members: Int32Array, id: number, component: Int32Array) => void,
): Int32Array {
  const n = g.nodes;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const calls = new Int32Array(n);
  const cursor = new Int32Array(n);
  let sp = 0;
  let cp = 0;
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if ((order[root] as number) >= 0) continue;
    order[root] = low[root] = counter++;
    stack[sp++] = root;
    calls[cp++] = root;
    cursor[root] = g.edgeStart[root] as number;
    while (cp > 0) {
      const v = calls[cp - 1] as number;
      const e = cursor[v] as number;
      if (e < (g.edgeStart[v + 1] as number)) {
        cursor[v] = e + 1;
        const w = g.edgeTo[e] as number;
        if (w >= n || !follow(e)) continue;
        if ((order[w] as number) < 0) {
          order[w] = low[w] = counter++;
          stack[sp++] = w;
          calls[cp++] = w;
          cursor[w] = g.edgeStart[w] as number;
        } else if ((component[w] as number) < 0) {
          low[v] = Math.min(low[v] as number, order[w] as number);
        }
        continue;
      }
      cp--;
      if (cp > 0) {
        const parent = calls[cp - 1] as number;
        low[parent] = Math.min(low[parent] as number, low[v] as number);
      }
      if (low[v] !== order[v]) continue;
      let first = sp;
      do first--;
      while (stack[first] !== v);
      for (let k = first; k < sp; k++) component[stack[k] as number] = components;
      onComponent(stack.subarray(first, sp), components, component);
      components++;
      sp = first;
    }
  }
  return component;
}
