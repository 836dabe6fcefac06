import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { normalisePhone } from '../common/phone.util.js';
import { workspaceActor, type GraphQLContext } from '../graphql/context.js';
import { Connection, PageArgs } from '../graphql/pagination.js';
import { Role } from '../common/role.enum.js';
import { CONSENT_EXPORT_LIMIT } from './consent-audit.service.js';
import { ConsentRecord } from './consent-record.entity.js';
import { ConsentRecordFilter } from './dtos/consent-record.filter.js';
import { OptOutStatus } from './dtos/opt-out-status.payload.js';

const ConsentRecordConnection = Connection(ConsentRecord, 'ConsentRecord');

// K5: consent records are read and exported here and written only by the
// domains that change consent; no operation updates or deletes one.
@Resolver(() => ConsentRecord)
export class ConsentResolver {
  @Authorized()
  @Query(() => ConsentRecordConnection, { description: "K5: this workspace's consent records, newest first" })
  consentRecords(
    @Arg('filter', () => ConsentRecordFilter, { nullable: true }) filter: ConsentRecordFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.consentAudit.list(workspaceActor(ctx).workspaceId, filter ?? {}, page);
  }

  @Authorized(Role.ADMIN)
  @Query(() => String, {
    description:
      `K5: the matching consent records as CSV (ADMIN only): a header row, then one row per record, newest first, ` +
      `every field, ISO 8601 timestamps. At most ${CONSENT_EXPORT_LIMIT.toLocaleString('en-US')} rows; a larger match is a BAD_USER_INPUT ` +
      `asking for a narrower filter. Cells that a spreadsheet would run as a formula start with an apostrophe.`,
  })
  exportConsentRecords(
    @Arg('filter', () => ConsentRecordFilter, { nullable: true }) filter: ConsentRecordFilter | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<string> {
    return ctx.services.consentAudit.exportCsv(workspaceActor(ctx).workspaceId, filter ?? {});
  }

  @Authorized()
  @Query(() => OptOutStatus, { description: 'K6: whether a number is opted out of every workspace, and since when' })
  async optOutStatus(@Arg('phone', () => String) phone: string, @Ctx() ctx: GraphQLContext): Promise<OptOutStatus> {
    const e164 = normalisePhone(phone, ctx.settings.defaultPhoneCountry, 'phone');
    return { phone: e164, ...(await ctx.services.optOuts.state(e164)) };
  }
}
