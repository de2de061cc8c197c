merge into push_batch (batch_id, campaign_id, destinations, accepted, cost_points, account_points) key (batch_id)
values (:#${header.CamelMitakeMmsBatchId}, :#${exchangeProperty.campaignId}, :#${body.messages.size()},
:#${body.msgIds.size()}, :#${header.CamelMitakeMmsCostPoints}, :#${header.CamelMitakeMmsAccountPoints})
