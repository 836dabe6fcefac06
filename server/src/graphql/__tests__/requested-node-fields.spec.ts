import { Kind, parse, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { requestedNodeFields } from '../requested-node-fields.util.js';

// The resolver's view of `commsLog` in a document: its field node and the document's fragments.
function infoOf(document: string): GraphQLResolveInfo {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const field = operation.selectionSet.selections[0];
  return { fieldNodes: [field], fragments } as unknown as GraphQLResolveInfo;
}

describe('the fields a page asks of its nodes (C2: a page reads only the columns it shows)', () => {
  it.each([
    ['nodes', '{ commsLog { nodes { id status } pageInfo { hasNextPage } } }', ['id', 'status']],
    ['edges', '{ commsLog { edges { cursor node { id kind } } } }', ['id', 'kind']],
    ['a fragment', '{ commsLog { nodes { ...Row } } } fragment Row on CommsLogEntry { id participant { name } }', ['id', 'participant']],
    ['an inline fragment', '{ commsLog { nodes { ... on CommsLogEntry { errorCode } } } }', ['errorCode']],
    ['only pageInfo', '{ commsLog { pageInfo { endCursor } } }', []],
  ])('%s', (_, document, fields) => {
    expect(requestedNodeFields(infoOf(document))?.sort()).toEqual([...fields].sort());
  });

  it('a fragment it does not know: it cannot tell, so the page reads every column', () => {
    expect(requestedNodeFields(infoOf('{ commsLog { nodes { ...Missing } } }'))).toBeNull();
  });
});
