package dev.moat.network.service;

import dev.moat.network.model.NetworkInterface;
import dev.moat.network.model.NetworkStore;
import dev.moat.network.validation.NetworkError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.kit.TableRepository;
import java.util.List;

/**
 * Network interfaces: readable by anyone; private endpoints' NICs are managed by their endpoint and
 * refuse user writes, as on Azure.
 */
public final class NetworkInterfaceService {
  private final NetworkStore store;

  public NetworkInterfaceService(NetworkStore store) {
    this.store = store;
  }

  public NetworkInterface get(ResourceId id) {
    return store.networkInterfaces().get(id).orElseThrow(() -> VirtualNetworkService.notFound(id));
  }

  /** The NetworkInterfaces in a resource group, or in the whole subscription. */
  public List<NetworkInterface> listIn(ResourceId scope) {
    return TableRepository.listIn(store.networkInterfaces(), scope);
  }

  /** Always refuses: either the NIC belongs to a private endpoint, or Moat cannot create it. */
  public void refuseWrite(ResourceId id) {
    NetworkInterface nic =
        store
            .networkInterfaces()
            .get(id)
            .orElseThrow(() -> NetworkError.NIC_CREATE_NOT_SUPPORTED.exception(id));
    throw NetworkError.NIC_ATTACHED_TO_PRIVATE_ENDPOINT.exception(nic.id(), nic.privateEndpoint());
  }

  /** Refuses deleting an endpoint's NIC; true when there was nothing to delete. */
  public boolean refuseDelete(ResourceId id) {
    if (store.networkInterfaces().get(id).isEmpty()) {
      return true;
    }
    refuseWrite(id);
    return false;
  }
}
