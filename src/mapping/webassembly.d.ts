/** The part of the WebAssembly global that jq-engine.ts uses: TypeScript declares it only with the DOM library. */
declare namespace WebAssembly {
  interface Module {}
  function compile(bytes: Uint8Array): Promise<Module>;
}
