// esbuild bundles a page's CSS imports into <bundle>.css next to <bundle>.js (the shell links both).
declare module '*.css';
