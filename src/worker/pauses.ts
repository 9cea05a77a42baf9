/** Lets the event loop run (so a cancel message, input or a frame can come in) before the next slice. */
export type Pause = () => Promise<void>;

export const nextTask: Pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A pause without the 4 ms clamp browsers put on nested timeouts (five deep): one message through a fresh channel. */
export const nextMessage: Pause = () =>
  typeof MessageChannel === 'undefined'
    ? nextTask()
    : new Promise((resolve) => {
        const { port1, port2 } = new MessageChannel();
        port1.onmessage = () => {
          port1.close();
          port2.close();
          resolve();
        };
        port2.postMessage(null);
      });
