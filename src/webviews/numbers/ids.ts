// Names package.json uses for the Numbers panel, in a module of their own so that activation can import them without
// loading the panel (or valibot, through its protocol).
export const NUMBERS_GRID_VIEW_TYPE = 'acg.numbersGrid';
