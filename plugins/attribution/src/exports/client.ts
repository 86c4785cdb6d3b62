export { AttributionPreview } from '../components/AttributionPreview.tsx'
export { NoticeReach } from '../components/NoticeReach.tsx'
export { ReviewPanel } from '../components/ReviewPanel.tsx'
