// Pure logic of the Numbers view and its commands: item text, the filter, paging, and deletion.
export * from './deletion';
export * from './numberDisplay';
export * from './numberFilter';
export * from './pagedList';
export * from './scope';
