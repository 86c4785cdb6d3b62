/** The plugin's endpoint answers, in Payload's own error shape. */
export const json = (body: unknown, status = 200) => Response.json(body, { status })

export const problem = (status: number, message: string) => json({ errors: [{ message }] }, status)
