/// Output of `kubectl get` in the shapes kubectl 1.32 prints: every column but the
/// last padded to its widest cell plus three spaces, widths counted in code points.
enum GetTableFixtures {
    static let pods = """
    NAME                     READY   STATUS             RESTARTS        AGE
    web-0                    1/1     Running            0               3d2h
    web-1                    1/2     Running            2 (5m12s ago)   3d2h
    api-7d9f8b6c5d-x2k9p     0/1     CrashLoopBackOff   12 (18s ago)    41m
    migrate-28391-abcde      0/1     Completed          0               2h
    worker-5b7f9c8d4-qq7zt   0/1     Pending            0               12s
    cache-0                  0/1     ImagePullBackOff   0               7m
    old-0                    1/1     Terminating        0               9d
    init-0                   0/1     Init:0/2           0               30s

    """

    static let podsWide = """
    NAME    READY   STATUS              RESTARTS   AGE   IP            NODE          NOMINATED NODE   READINESS GATES
    web-0   1/1     Running             0          11m   10.244.1.12   kind-worker   <none>           <none>
    web-1   0/1     ContainerCreating   0          3s    <none>        kind-worker   <none>           <none>

    """

    static let podsAllNamespaces = """
    NAMESPACE            NAME                                      READY   STATUS    RESTARTS   AGE
    kube-system          coredns-668d6bf9bc-4wq8k                  1/1     Running   0          5d
    kube-system          etcd-kind-control-plane                   1/1     Running   0          5d
    local-path-storage   local-path-provisioner-58cc7856b6-wp5lm   1/1     Running   0          5d
    shop                 web-0                                     0/1     Error     3          2d

    """

    static let deployments = """
    NAME     READY   UP-TO-DATE   AVAILABLE   AGE
    web      3/3     3            3           12d
    api      1/3     3            1           12d
    paused   0/0     0            0           40d

    """

    static let services = """
    NAME         TYPE           CLUSTER-IP      EXTERNAL-IP   PORT(S)                      AGE
    kubernetes   ClusterIP      10.96.0.1       <none>        443/TCP                      5d
    web          LoadBalancer   10.96.143.201   <pending>     80:31380/TCP,443:31390/TCP   2d
    db           ClusterIP      None            <none>        5432/TCP                     2d

    """

    static let nodes = """
    NAME                 STATUS                     ROLES           AGE   VERSION
    kind-control-plane   Ready                      control-plane   5d    v1.32.2
    kind-worker          Ready,SchedulingDisabled   <none>          5d    v1.32.2
    kind-worker2         NotReady                   <none>          5d    v1.32.2

    """

    static let nodesWide = """
    NAME                 STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION     CONTAINER-RUNTIME
    kind-control-plane   Ready    control-plane   5d    v1.32.2   172.18.0.3    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-48-generic   containerd://2.0.2

    """

    static let events = """
    LAST SEEN   TYPE      REASON              OBJECT                       MESSAGE
    2m10s       Normal    Scheduled           pod/web-1                    Successfully assigned shop/web-1 to kind-worker
    115s        Warning   BackOff             pod/api-7d9f8b6c5d-x2k9p     Back-off restarting failed container api in pod api-7d9f8b6c5d-x2k9p_shop(0b0c…)
    30s         Warning   FailedScheduling    pod/worker-5b7f9c8d4-qq7zt   0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.
    5s          Normal    ScalingReplicaSet   deployment/web               Scaled up replica set web-6d4cf56db6 to 2 from 1
    12s         Normal    Pulled              pod/café-0                   Container image "nginx:1.27" already present on machine

    """

    static let componentStatuses = """
    NAME                 STATUS    MESSAGE   ERROR
    controller-manager   Healthy   ok        
    scheduler            Healthy   ok        
    etcd-0               Healthy   ok        

    """

    static let statefulSets = """
    NAME    READY   AGE
    db      2/3     2d
    cache   1/1     9d

    """

    static let daemonSets = """
    NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
    kube-proxy   3         3         3       3            3           kubernetes.io/os=linux   5d
    fluentd      3         3         2       3            2           <none>                   5d

    """

    static let top = """
    NAME    CPU(cores)   MEMORY(bytes)
    web-0   3m           42Mi
    web-1   120m         301Mi

    """

    static let podsWithLabelColumn = """
    NAME    READY   STATUS      RESTARTS   AGE   APP
    web-0   1/1     Running     0          2d    web
    job-x   0/1     Completed   0          1d    

    """

    static let multiType = """
    NAME        READY   STATUS    RESTARTS   AGE
    pod/web-0   1/1     Running   0          2d
    pod/web-1   0/1     Pending   0          5s

    NAME                   TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)   AGE
    service/web            ClusterIP   10.96.12.34   <none>        80/TCP    2d
    service/web-headless   ClusterIP   None          <none>        80/TCP    2d

    NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
    deployment.apps/web   2/2     2            2           2d

    NAME                             DESIRED   CURRENT   READY   AGE
    replicaset.apps/web-6d4cf56db6   2         2         1       2d

    """

    static let jobsAndClaims = """
    NAME          STATUS     COMPLETIONS   DURATION   AGE
    backup-2891   Complete   1/1           14s        3h
    report-2892   Failed     0/1           10m        1h
    migrate       Running    0/1           40s        40s

    NAME                              STATUS    VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
    persistentvolumeclaim/data-db-0   Bound     pvc-1f0c2d4e-9c7a-4a1b-8e55-0d9c6f1e2a3b   10Gi       RWO            standard       <unset>                 2d
    persistentvolumeclaim/data-db-1   Pending                                                                        standard       <unset>                 1m

    """

    static let warningsAroundTable = """
    Warning: v1 ComponentStatus is deprecated in v1.19+
    NAME                 STATUS    MESSAGE   ERROR
    controller-manager   Healthy   ok        
    scheduler            Healthy   ok        
    etcd-0               Healthy   ok        

    """

    static let clientErrorsThenTable = """
    E1125 03:38:00.429064   19514 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list"
    NAME    READY   STATUS    RESTARTS   AGE
    web-0   1/1     Running   0          2d

    """

    static let noResourcesInNamespace = "No resources found in shop namespace.\n"

    static let noResources = "No resources found\n"
}
