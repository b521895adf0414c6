/** The names along an org's path, from the top of the scope: kept with the org reference every module uses. */
export { ancestorIdsInScope, idsOf, pathNamesOf } from '../../db/org-refs.ts';
