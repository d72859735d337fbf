export const EXPECTED_FILE = 'test-results/expected.json';
export const SCREENSHOT_DIR = 'e2e/screenshots';
