merge into sent_message (cid, campaign_id, phone, name, accepted, push_status, push_status_desc) key (cid)
values (:#cid, :#campaignId, :#phone, :#name, false, :#status, :#statusDesc)
