// Yielding to the page (src/tasks.rs): a promise that resolves a task later.
// scheduler.yield() where the browser has it (the widget's work then goes on
// ahead of other queued tasks); elsewhere a message to a channel of its own, a
// task without the clamping of nested timers.
export function nextTask() {
  if (window.scheduler && scheduler.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
}
