/**
 * kubectl's printers, for the commands: tables (`get`), watch rows (`get -w`), `-o yaml|json|name|
 * jsonpath|custom-columns`, mutating commands' confirmation lines, and `describe`. Everything here
 * is a pure function of API objects and the virtual time passed in.
 */
export { cellsFor, columnsFor } from './columns.ts';
export type { Cell, ColumnDef } from './columnTypes.ts';
export { type CustomColumn, parseCustomColumns, printCustomColumns } from './customColumns.ts';
export { describePod } from './describe/describePod.ts';
export { describeService } from './describe/describeService.ts';
export {
  type DescribeContext,
  describeStatefulSet,
  formatLabelSelector,
} from './describe/describeStatefulSet.ts';
export { describePersistentVolume, describePersistentVolumeClaim } from './describe/describeStorage.ts';
export { ageSince, humanDuration, rfc1123z } from './humanDuration.ts';
export { asList, goJsonCompact, printJson, printJsonList } from './json.ts';
export {
  executeJsonPath,
  findValues,
  type JsonPathTemplate,
  parseJsonPath,
  relaxedJsonPath,
} from './jsonpath.ts';
export { deletedLine, nameLine } from './name.ts';
export { podStatusReason, podSummary } from './podStatus.ts';
export {
  type KindGroup,
  kindPrefix,
  noResourcesMessage,
  printTable,
  printTables,
  sortObjects,
  type TableOptions,
} from './tables.ts';
export { describeTabWriter, getTabWriter, TabWriter, tabify } from './tabwriter.ts';
export { type WatchEventType, WatchPrinter } from './watchPrinter.ts';
export { printYaml, printYamlDocuments, printYamlList } from './yaml.ts';
