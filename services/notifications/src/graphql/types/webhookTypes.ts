import { Field, ID, InputType, ObjectType } from 'type-graphql';

@InputType({
  description: 'A webhook: where to POST, and which notifications. An empty filter means all.',
})
export class CreateWebhookSubscriptionInput {
  @Field(() => String, {
    description: 'https (or http) URL that answers the test delivery with 2xx.',
  })
  callbackUrl!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Defaults to yours; only a platform admin may name another.',
  })
  organisation?: string;

  @Field(() => [String], { nullable: true, description: 'Case event types, e.g. KotRejected.' })
  eventTypes?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Notification rules, e.g. decision-overdue.',
  })
  rules?: string[];

  @Field(() => [String], { nullable: true, description: 'CBS municipality codes, e.g. GM0344.' })
  municipalities?: string[];

  @Field(() => [String], { nullable: true })
  caseIds?: string[];
}

@ObjectType('WebhookSubscription')
export class WebhookSubscriptionType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  organisation!: string;

  @Field(() => String)
  callbackUrl!: string;

  @Field(() => [String])
  eventTypes!: string[];

  @Field(() => [String])
  rules!: string[];

  @Field(() => [String])
  municipalities!: string[];

  @Field(() => [String])
  caseIds!: string[];

  @Field(() => String)
  createdBy!: string;

  @Field(() => String)
  createdAt!: string;
}

@ObjectType()
export class CreatedWebhookSubscription {
  @Field(() => WebhookSubscriptionType)
  subscription!: WebhookSubscriptionType;

  @Field(() => String, {
    description:
      'The Standard Webhooks secret (whsec_…) to verify the webhook-signature header with. Shown only now: store it.',
  })
  secret!: string;
}
