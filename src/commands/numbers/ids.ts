// Command ids of the Numbers view, in one place for package.json, the nodes and the tests.
export const NUMBER_COMMANDS = {
  refresh: 'acg.numbers.refresh',
  filter: 'acg.numbers.filter',
  clearFilter: 'acg.numbers.clearFilter',
  showGateway: 'acg.numbers.showGateway',
  copy: 'acg.numbers.copy',
  showDetails: 'acg.numbers.showDetails',
  delete: 'acg.numbers.delete',
} as const;

export const NUMBERS_VIEW_ID = 'acg.numbers';
/** Context key: true while the Numbers view has a filter (shows "Clear Filter" in its title). */
export const NUMBERS_FILTERED_CONTEXT = 'acg.numbers.filtered';
/** The setting with the page size of the Numbers view. */
export const PAGE_SIZE_SETTING = 'acg.numbers.pageSize';
