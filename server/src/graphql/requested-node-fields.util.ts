import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The fields a connection query asks of its nodes (under `nodes` and
 * `edges { node }`), fragments included, so a page can read only the columns
 * it shows. Null when it cannot tell (a fragment it does not know).
 */
export function requestedNodeFields(info: GraphQLResolveInfo): string[] | null {
  const fields = new Set<string>();
  const collect = (set: SelectionSetNode | undefined, into: (name: string, node: SelectionSetNode | undefined) => boolean): boolean => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (!into(selection.name.value, selection.selectionSet)) return false;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!collect(selection.selectionSet, into)) return false;
      } else {
        const fragment = info.fragments[selection.name.value];
        if (!fragment || !collect(fragment.selectionSet, into)) return false;
      }
    }
    return true;
  };
  const node = (name: string) => (fields.add(name), true);
  const connection = (name: string, set: SelectionSetNode | undefined): boolean => {
    if (name === 'nodes') return collect(set, node);
    if (name === 'edges') return collect(set, (edgeField, edgeSet) => edgeField !== 'node' || collect(edgeSet, node));
    return true;
  };
  for (const fieldNode of info.fieldNodes) if (!collect(fieldNode.selectionSet, connection)) return null;
  return [...fields];
}
