/**
 * mvdan-sh ships no types. Its API mirrors the Go package mvdan.cc/sh/v3/syntax (GopherJS
 * objects); script.ts reads the few fields it needs through `any`, so this only declares the module.
 */
declare module 'mvdan-sh' {
  const sh: { readonly syntax: unknown };
  export default sh;
}
