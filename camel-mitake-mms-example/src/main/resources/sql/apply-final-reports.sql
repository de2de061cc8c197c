update sent_message set final_status = :#status, final_status_time = :#statusTime, reported_at = current_timestamp
where batch_id = :#batchId and msg_id = :#msgId and final_status is null
