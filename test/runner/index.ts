// The runner library: real VS Code (code-server) + headless Chromium, for extension tests and UI tests.
export { codeServerMissingReason, freePort, installExtension, startCodeServer } from './codeServer';
export type { CodeServer, CodeServerExit, CodeServerOptions } from './codeServer';
export { exposeAutomation, launchBrowser, saveServerLogs, saveWindowLogs, workbenchUrl } from './browser';
export type { AutomationHandlers, WindowLog, WorkbenchPayload } from './browser';
export { runExtensionTests } from './runExtensionTests';
export type { BeforeRun, BeforeRunContext, RunOptions, RunResult, RunSetup } from './runExtensionTests';
export { RESULT_FILE_ENV } from './mochaEntry';
export type { SuiteResult } from './mochaEntry';
export { CODE_SERVER_VERSION, codeServerDir, repoRoot, testResultsDir } from './paths';
