// `import '@payg-kit/ui/styles.css'` applies the widgets' stylesheet; it exports nothing.
export {}
