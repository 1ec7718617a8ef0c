/** Every Bull queue and job name, in one place. */
export var QueueName;
(function (QueueName) {
    QueueName["Exchange"] = "exchange";
})(QueueName || (QueueName = {}));
export var JobName;
(function (JobName) {
    JobName["ImportDataset"] = "import-dataset";
})(JobName || (JobName = {}));
