import type { Access } from 'payload'

/** Open to everyone, including anonymous visitors of the Legal Center. */
export const anyone: Access = () => true
