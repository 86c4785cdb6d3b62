/** An error answer in Payload's own shape, `{ errors: [{ message }] }`, for the app's handlers. */
export const problem = (status: number, message: string, headers?: HeadersInit) =>
  Response.json({ errors: [{ message }] }, { status, headers })
