/** The key of a subject's standing on a policy. */
export const standingKey = (subject: number | string, policy: number | string): string => `${subject}:${policy}`
