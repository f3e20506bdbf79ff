// The secret page's sections below the fold, in one chunk loaded after its first paint
// (routes/secret-detail.tsx): one dynamic import, not one each.
export { ActivitySection } from './activity-section.tsx';
export { StageTimeline } from './stage-timeline.tsx';
export { VersionsPages } from './versions-pages.tsx';
