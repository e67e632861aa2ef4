/** What `fn` throws, so a test can match its stable `code` (fails the test if nothing is thrown). */
export const thrownBy = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to throw, but it returned.');
};
