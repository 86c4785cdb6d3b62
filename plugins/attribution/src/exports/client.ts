export { AttributionPreview } from '../components/AttributionPreview.tsx'
export { NoticeReach } from '../components/NoticeReach.tsx'
