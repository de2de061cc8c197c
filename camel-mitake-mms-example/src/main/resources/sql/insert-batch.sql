insert into sent_message (cid, campaign_id, phone, name) values (:#cid, :#campaignId, :#phone, :#name)
