import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum MessageLanguage {
  nl = 'nl',
  en = 'en',
}
registerEnumType(MessageLanguage, { name: 'MessageLanguage' });

@ObjectType('InboxMessage', {
  description: 'A message in the in-app inbox of a person or of a role in an organisation.',
})
export class InboxMessageType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The notification rule, e.g. kot-decided.' })
  rule!: string;

  @Field(() => String)
  caseId!: string;

  @Field(() => String)
  municipality!: string;

  @Field(() => GraphQLJSONObject, {
    description: 'The values the message is made from; no personal data.',
  })
  params!: Record<string, unknown>;

  @Field(() => String, { description: 'ISO 8601' })
  createdAt!: string;

  @Field(() => String, { nullable: true, description: 'When you read it; null while unread.' })
  readAt!: string | null;

  @Field(() => Boolean, { description: 'True when addressed to you; false when to your role.' })
  personal!: boolean;
}

@ObjectType()
export class InboxEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => InboxMessageType)
  node!: InboxMessageType;
}

@ObjectType('NotificationsPageInfo')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType()
export class InboxConnection {
  @Field(() => [InboxEdge])
  edges!: InboxEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  unreadCount!: number;
}
