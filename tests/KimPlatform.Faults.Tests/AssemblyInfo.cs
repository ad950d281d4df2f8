// One fault at a time: each test stops something the others need.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
