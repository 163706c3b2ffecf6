// The package ships types that its `exports` map does not point to; load them by path.
/// <reference path="../../node_modules/windows-1252/windows-1252.d.ts" />
