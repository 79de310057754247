// The escape-aware JSON string decoder lives in core, shared with the CloudFormation extractor.
export { decodeJsonString, tableOffsetMap } from '@rolecall/core';
