// CPU profiles of a page's Web Workers through the Chromium DevTools protocol (Playwright's CDP session of the page
// auto-attaches to each dedicated worker as it starts, non-flattened, and drives its Profiler).

/**
 * Starts profiling every worker `page` creates from now on; `stop(path, write)` stops them, writes one
 * `.cpuprofile` per worker next to `path`, and returns a text of the heaviest functions by self time over all.
 */
export async function startWorkerProfiles(context, page) {
  const cdp = await context.newCDPSession(page);
  const sessions = [];
  const waiting = new Map();
  let nextId = 1;
  const send = (sessionId, method, params = {}) => {
    const id = nextId++;
    const answer = new Promise((resolve) => waiting.set(id, resolve));
    void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    return answer;
  };
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const data = JSON.parse(message);
    waiting.get(data.id)?.(data.result ?? data.error);
    waiting.delete(data.id);
  });
  cdp.on('Target.attachedToTarget', async ({ sessionId, targetInfo }) => {
    if (targetInfo.type !== 'worker') return;
    sessions.push({ sessionId, url: targetInfo.url });
    await send(sessionId, 'Profiler.enable');
    await send(sessionId, 'Profiler.setSamplingInterval', { interval: 500 });
    await send(sessionId, 'Profiler.start');
    await send(sessionId, 'Runtime.runIfWaitingForDebugger');
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  return {
    async stop(path, write) {
      const self = new Map();
      let total = 0;
      for (const [i, { sessionId }] of sessions.entries()) {
        const result = await Promise.race([
          send(sessionId, 'Profiler.stop'),
          new Promise((resolve) => setTimeout(() => resolve(null), 5000)),
        ]);
        const profile = result?.profile;
        if (!profile) continue;
        write(path.replace(/\.json$/, `-worker${i}.cpuprofile`), JSON.stringify(profile));
        const byId = new Map(profile.nodes.map((node) => [node.id, node]));
        const dt = new Map();
        profile.samples.forEach((id, k) => {
          dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[k + 1] ?? 0));
        });
        for (const [id, us] of dt) {
          const frame = byId.get(id)?.callFrame;
          const name = `${frame?.functionName || '(anonymous)'} ${frame?.url.split('/').at(-1) ?? ''}:${frame?.lineNumber ?? ''}`;
          self.set(name, (self.get(name) ?? 0) + us);
          total += us;
        }
      }
      const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
      return [
        `worker profiles: ${sessions.length} workers, ${(total / 1e6).toFixed(2)} s sampled`,
        ...top.map(
          ([name, us]) => `  ${(us / 1e3).toFixed(0).padStart(6)} ms ${((100 * us) / total).toFixed(1)}% ${name}`,
        ),
      ].join('\n');
    },
  };
}
