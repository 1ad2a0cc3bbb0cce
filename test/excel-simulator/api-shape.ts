/**
 * The simulator's methods under the real API's names: `MirrorMethods<Excel.Range, 'getCell'>`
 * makes a class declare `getCell` with parameters the real `Excel.Range.getCell` accepts, so a
 * misspelt or invented method fails the type check. Return types are the simulator's own.
 */
export type MirrorMethods<Real, Names extends keyof Real> = {
  [K in Names]: Real[K] extends (...args: infer Args) => unknown
    ? (...args: Args) => unknown
    : never;
};
