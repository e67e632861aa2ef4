import { setLogSink } from '../main/log/logger';

// Logs are asserted where they matter (tests/unit/log); elsewhere they would only bury test output.
// QUIETCHART_TEST_LOGS=1 shows them when debugging.
if (process.env.QUIETCHART_TEST_LOGS !== '1') setLogSink(() => undefined);
