/**
 * Stand-in for `@kbn/shared-ux-router`.
 *
 * Checked at elastic/kibana@12071a2d28b431afe0e0bbdc115f35dc6f7c438b:src/platform/packages/shared/shared-ux/router/impl/router.tsx
 *
 * Mirrors elastic/kibana:src/platform/packages/shared/shared-ux/router/impl/router.tsx, whose
 * Router is react-router-dom v5's Router (wrapped in a v6 compat layer this plugin does not use).
 */
export { Router, Route } from 'react-router-dom';
