/**
 * The one shape of a time source: the current time in epoch milliseconds. Code that needs "now"
 * takes a Clock (tests hand in their own); an instant already decided is passed as a value.
 */
export type Clock = () => number;

/** The machine's clock, for entry files to hand in. */
export const systemClock: Clock = () => Date.now();
