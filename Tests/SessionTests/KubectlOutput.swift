/// `kubectl get` output as kubectl 1.32 prints it, for the tracker and summary tests.
enum KubectlOutput {
    static let pods = """
    NAME                     READY   STATUS             RESTARTS       AGE
    web-7d4b9c8f6d-2xkqz     1/1     Running            0              3d2h
    web-7d4b9c8f6d-9hj4s     0/1     CrashLoopBackOff   12 (2m ago)    3d2h
    api-5f6c7d8b9-lmn4p      1/2     Running            1 (5h ago)     26h
    migrate-28461234-x7k2p   0/1     Completed          0              6h

    """

    static let podsAllNamespaces = """
    NAMESPACE     NAME                                         READY   STATUS    RESTARTS   AGE
    kube-system   coredns-76f75df574-8xv2k                     1/1     Running   0          12d
    kube-system   etcd-kind-control-plane                      1/1     Running   0          12d
    shop          web-0                                        0/1     Pending   0          5m

    """

    static let podsWide = """
    NAME    READY   STATUS             RESTARTS   AGE   IP           NODE           NOMINATED NODE   READINESS GATES
    web-0   1/1     Running            0          10m   10.244.1.5   kind-worker    <none>           <none>
    web-1   0/1     ImagePullBackOff   0          10m   10.244.2.7   kind-worker2   <none>           <none>

    """

    static let deployments = """
    NAME   READY   UP-TO-DATE   AVAILABLE   AGE
    web    3/3     3            3           12d
    api    1/2     2            1           12d

    """

    static let nodes = """
    NAME                 STATUS     ROLES           AGE   VERSION
    kind-control-plane   Ready      control-plane   30d   v1.32.2
    kind-worker          NotReady   <none>          30d   v1.32.2

    """

    static let podsAndServices = """
    NAME        READY   STATUS    RESTARTS   AGE
    pod/web-0   1/1     Running   0          5m

    NAME                 TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)   AGE
    service/kubernetes   ClusterIP   10.96.0.1     <none>        443/TCP   30d
    service/web          ClusterIP   10.96.45.12   <none>        80/TCP    5m

    """

    static let podNames = """
    pod/web-0
    pod/web-1

    """

    static let podJSON = """
    {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": { "name": "web-0", "namespace": "shop" }
    }

    """

    /// A pod table with `count` rows, every third one failing.
    static func manyPods(_ count: Int) -> String {
        var text = "NAME          READY   STATUS             RESTARTS   AGE\n"
        for index in 0..<count {
            let name = "web-" + String(index).padding(toLength: 8, withPad: " ", startingAt: 0)
            let row = index % 3 == 0 ? "0/1     CrashLoopBackOff   4          1h" : "1/1     Running            0          1h"
            text += "\(name)  \(row)\n"
        }
        return text
    }
}
