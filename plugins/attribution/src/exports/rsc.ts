export { ComplianceDashboard } from '../components/ComplianceDashboard.tsx'
export { ComplianceNavLink } from '../components/ComplianceNavLink.tsx'
