// The build inlines the widgets' stylesheet as text (esbuild's text loader), adopted by each
// shadow root. Declared by its exact name: that wins over the package's own declarations, which
// describe a side-effect import.
declare module '@payg-kit/ui/styles.css' {
  const css: string
  export default css
}
