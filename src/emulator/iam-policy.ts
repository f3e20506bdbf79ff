/** `csms:secret:*` allows `csms:secret:list`; `*` never crosses a colon. No actions: everything. */
export function policy(actions: string[] | undefined): (action: string) => boolean {
  if (!actions) return () => true;
  const patterns = actions.map((a) => new RegExp(`^${a.split('*').map(escapeRegExp).join('[^:]*')}$`));
  return (action) => patterns.some((p) => p.test(action));
}
const escapeRegExp = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
