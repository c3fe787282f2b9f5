// Names package.json uses for the Number editor, in a module of their own so that activation can import them without
// loading the panel (or valibot, through its protocol).
export const NUMBER_EDITOR_VIEW_TYPE = 'acg.numberEditor';
