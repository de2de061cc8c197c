merge into campaign (campaign_id, folder, subject, recipients, source) key (campaign_id)
values (:#${exchangeProperty.campaignId}, :#${header.CamelFileParent}, :#${exchangeProperty.campaignSubject},
:#${body.size()}, :#${properties:example.source})
