const MEMBER_CHAIN = /(\w+(?:->\w+)+)/;

/** Kernel code that may wrap between tokens but never inside `a->b`. */
export function CodeText({ code }: { code: string }) {
  return (
    <code>
      {code.split(MEMBER_CHAIN).map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, in order.
          <span key={i} className="nobreak">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </code>
  );
}
