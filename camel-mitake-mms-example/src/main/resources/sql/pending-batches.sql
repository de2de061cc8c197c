select batch_id, count(*) as pending from sent_message where accepted and final_status is null
and pushed_at < dateadd('SECOND', -cast(:#${properties:example.reconcile.min-age-seconds} as int), current_timestamp)
group by batch_id
