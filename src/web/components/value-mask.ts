/** What stands where a value is hidden: the same length whatever the value, so it tells nothing. */
export const MASK = '••••••••••••••••';
