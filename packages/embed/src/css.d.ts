// The build inlines the widgets' stylesheet as text (the base part: tokens, themes, primitives;
// each widget's own rules reach the runtime through `addStyles`), adopted by each shadow root.
// Declared by its exact name: that wins over the package's own declarations, which describe a
// side-effect import.
declare module '@payg-kit/ui/styles.css' {
  const css: string
  export default css
}
