// The Payload transaction now lives with the storage seam, whose Payload-backed stores open it too.
export { withTransaction } from '../store/withTransaction'
