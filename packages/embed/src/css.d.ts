// The build inlines CSS files as text (esbuild's text loader), adopted by each shadow root.
declare module '*.css' {
  const css: string
  export default css
}
